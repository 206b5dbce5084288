"""Words that carry no topic in a question, Danish and English side by side: question words, function
words and the vocabulary of the intents themselves. A question's topic is what is left when these go."""

from __future__ import annotations

# Words that carry no topic: question words, function words, and the vocabulary of the intents
# themselves (matched as whole lower-case words).
STOPWORDS = frozenset(
    """
hvad hvilke hvilken hvilket hvornår hvem hvordan hvorfor hvor mange var er blev bliver har have havde kom komme
kommer ind ud sig om for fra til i på af med den det de en et og eller at der som efter før siden mellem indtil
inden ved så ikke også men kan skal skulle vil ville sine sin sit deres dets dens man nogen noget nogle alle
hele vores jeres samme mere mest flere meget nu da end under over dette disse denne
mål målet målene målsætning målsætningen målsætninger måltal delmål følgemål følgemålet følgemålene
ministermål udvalget udvalgene udvalg kommunen kommune plan planen planer planerne
besluttede beslutning beslutningen besluttet vedtog vedtaget godkendt godkendte godkendelse anbefalet
status statussen punktet punkt punkter dagsordenspunkt dagsordenspunkter sag sagen sager sagerne bilag bilagene bilaget
fraværende fravær afbud ændret ændrede ændring ændringer ændringen ændres udviklet udvikling
udgik udgået bortfaldet fjernet droppet uændret uændrede uændrede videreført videreførte første gang
sidste senest dagsorden dagsordenen behandlet behandling historik drøftet forelagt møde mødet møder
hvorfor begrundelse årsag skyldes forklar forklaring baggrund nye nyt ny tilføjet tilføjede
skete sket gik hen ligger nået opfyldt resultat resultatet resultater været oppe sammenlignet forskel
antal antallet oversigt periode perioden år årene året tid tiden siden
what which when who how why was were is are did do does the a an of for from to in on at about with and
or by be it its this that these those than then there their they has have had been into after before
between since until up over many much number all any goal goals target targets committee committees
decide decided decision decisions status change changed changes evolve evolved carried unchanged dropped
removed first last appear appeared introduced agenda item items attachment attachments absent meeting
meetings new added same identical kept happened plan plans municipality council reason explain
year years time compare compared list overview achieved met reached progress outcome approved
stor store meget ifølge ingen får fik gik ligger mindre større højt lavt egentlig gerne vide jeg vi os
fortæl vis hvordan steg faldt stiger falder andet anden kvartal quarter second third fourth according
people planned as fall rise get got does tell me show please citizens residents handle handled dealt
forskellen forskellene forskelle difference differences different ændringerne udviklingen sket sammenligning
behandlede behandles håndteret drøftede vedtagne godkendte beslutningerne besluttet
forsvandt optræder optrådte forhold nævnt nævnes sidst først programmes programme program add any
borgere borgerne borger personer person målgruppe målgruppen ministerial national
formuleret formulering formuleringen ordlyd ordlyden ens lyder worded wording previous prior following next
discussed discuss considered handled debated måde way sad meldt meldte forfald mødt mødte udeblev manglede
du dig jeg mig fortælle bruge brug vil kunne vs versus årige årig need want know see find give
færre lavere højere bedre dårligere
indeholder indeholde indeholdt indeholdte rummer rumme rummede omfatter omfatte omfattede inkluderer inkludere
inkluderede contain contains contained include includes included lagt came not take took part participate participated
står stod stået dukker dukkede dukke op findes fandtes fandt indgår indgik indgå optrådt gælder gjaldt handler
handlede drejer omhandler omhandlede vedrører vedrørte fået få haft blandt gang gange planår planåret
materialet material materials
træffe træffer traf truffet trufne make made taken viser viste vist ned
gøre gør gjorde gjort done går gå gået doing aged olds nr no koste koster kostede kostet cost costs costed
documents document attached enclosed vedlagt vedlagte vedhæftet vedhæftede
""".split()
)
