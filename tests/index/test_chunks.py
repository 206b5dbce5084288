"""Chunking: sizes, sentence boundaries, own-line citations, item fields, decisions, embedded items."""

from index.search.chunks import MAX_CHUNK_WORDS, chunks_for_document, split_text
from maalspor.model import (
    AgendaItem,
    Citation,
    Decision,
    DocKind,
    Document,
    Goal,
    Section,
    SourceLine,
    StatusObservation,
    Target,
)

SOURCE = "plan.txt"
MINUTES_SOURCE = "minutes.txt"


def _plan() -> Document:
    return Document(
        id="kommune-plan-2022",
        kind=DocKind.PLAN,
        title="Beskæftigelsesplan 2022",
        municipality="Testrup Kommune",
        committee=None,
        meeting_date=None,
        plan_year=2022,
        source_file=SOURCE,
        content_hash="x",
    )


def _minutes() -> Document:
    return Document(
        id="kommune-udvalg-2019-06-11",
        kind=DocKind.MINUTES,
        title="Referat",
        municipality="Testrup Kommune",
        committee="Beskæftigelsesudvalget",
        meeting_date="2019-06-11",
        plan_year=None,
        source_file=MINUTES_SOURCE,
        content_hash="y",
    )


def _long_section() -> tuple[Section, list[SourceLine]]:
    """A section of 60 numbered sentences of 10 words, one sentence per source line (lines 11-70)."""
    sentences = [f"Sætning nummer {n} handler om ledige borgere og deres vej til job." for n in range(60)]
    lines = [SourceLine(None, n + 1, f"Overskrift {n}") for n in range(10)]
    lines += [SourceLine(None, 11 + n, sentence) for n, sentence in enumerate(sentences)]
    section = Section(
        id="kommune-plan-2022:section-lang",
        document_id="kommune-plan-2022",
        number=None,
        title="Lang sektion",
        level=1,
        parent_id=None,
        text="\n".join(sentences),
        citations=[Citation(SOURCE, None, 10, 70)],
    )
    return section, lines


def test_long_section_is_split_on_sentences_and_each_piece_cites_its_own_lines():
    section, lines = _long_section()
    chunks = [
        c for c in chunks_for_document(_plan(), [section], [], [], {SOURCE: lines}) if c.id.startswith(section.id)
    ]
    # 60 sentences of 12 words: 29 fit in 350 words, so 29 + 29 + 2
    assert [len(chunk.text.split()) for chunk in chunks] == [348, 348, 24]
    assert [chunk.id for chunk in chunks] == [f"{section.id}#{n}" for n in range(3)]
    assert all(chunk.text.endswith("job.") for chunk in chunks)
    assert [(c.citations[0].line_start, c.citations[0].line_end) for c in chunks] == [(11, 39), (40, 68), (69, 70)]
    assert all(chunk.year == 2022 and chunk.kind == "section" for chunk in chunks)
    assert chunks[0].heading == "Beskæftigelsesplan 2022 — Lang sektion"


def test_without_source_lines_pieces_keep_the_record_citation():
    section, _ = _long_section()
    chunks = chunks_for_document(_plan(), [section], [], [])
    assert all(chunk.citations == [Citation(SOURCE, None, 10, 70)] for chunk in chunks)


def test_an_over_long_sentence_is_cut_into_word_windows():
    pieces = split_text(" ".join(["ord"] * 800))
    assert [len(piece.split()) for piece in pieces] == [MAX_CHUNK_WORDS, MAX_CHUNK_WORDS, 100]


def test_goal_chunk_adds_target_and_group_and_keeps_every_citation():
    citations = [Citation(SOURCE, None, 5, 6), Citation(SOURCE, None, 40, 40)]
    goal = Goal(
        id="kommune-plan-2022:goal-2022-1",
        document_id="kommune-plan-2022",
        plan_year=2022,
        number="1",
        wording="Flere unge skal i uddannelse",
        origin="ministerial",
        target=Target(text="fald 5 pct.", direction="fald", value=5.0, unit="pct"),
        target_group="unge",
        period=None,
        status=[],
        citations=citations,
    )
    (chunk,) = chunks_for_document(_plan(), [], [goal], [])
    assert chunk.text == "Flere unge skal i uddannelse\nfald 5 pct."  # "unge" is already in the wording
    assert chunk.kind == "goal" and chunk.goal_id == goal.id and chunk.citations == citations
    assert chunk.metadata() == {
        "document_id": "kommune-plan-2022",
        "doc_kind": "plan",
        "kind": "goal",
        "municipality": "Testrup Kommune",
        "year": 2022,
        "goal_id": goal.id,
        "heading": "Beskæftigelsesplan 2022 — Mål",
    }


def _item(embedded: bool) -> tuple[AgendaItem, list[SourceLine]]:
    lines = [
        SourceLine(None, n, text)
        for n, text in enumerate(
            [
                "4. Status på beskæftigelsesplanen",
                "Resumé",
                "Forvaltningen fremlægger status på",
                "målene i planen.",
                "Sagsfremstilling",
                "Ledigheden er faldet med 2,8 pct.",
                "Beslutning Beskæftigelsesudvalget den 5. februar 2019",
                "Taget til efterretning.",
            ],
            start=1,
        )
    ]
    item = AgendaItem(
        id=f"kommune-udvalg-2019-06-11:{'embedded-item' if embedded else 'item'}-4",
        document_id="kommune-udvalg-2019-06-11",
        number="4",
        title="Status på beskæftigelsesplanen",
        item_type="orientering",
        resume="Forvaltningen fremlægger status på målene i planen.",
        case_text="Ledigheden er faldet med 2,8 pct.",
        decisions=[
            Decision(
                committee="Beskæftigelsesudvalget",
                date="2019-02-05" if embedded else "2019-06-11",
                text="Taget til efterretning.",
                outcome="taget til efterretning",
                citations=[Citation(MINUTES_SOURCE, None, 7, 8)],
            )
        ],
        citations=[Citation(MINUTES_SOURCE, None, 1, 8)],
        embedded=embedded,
    )
    return item, lines


def test_item_fields_and_decision_become_chunks_citing_their_own_lines():
    item, lines = _item(embedded=False)
    chunks = chunks_for_document(_minutes(), [], [], [item], {MINUTES_SOURCE: lines})
    assert [(chunk.id.split(":", 1)[1], chunk.kind) for chunk in chunks] == [
        ("item-4:heading", "item"),
        ("item-4:resume", "item-field"),
        ("item-4:case_text", "item-field"),
        ("item-4:decision-0", "decision"),
    ]
    assert [(c.citations[0].line_start, c.citations[0].line_end) for c in chunks] == [(1, 1), (3, 4), (6, 6), (7, 8)]
    assert {chunk.item_number for chunk in chunks} == {"4"}
    assert chunks[1].heading == "Punkt 4 — Status på beskæftigelsesplanen — Resumé"
    assert all(chunk.date == "2019-06-11" and chunk.year == 2019 for chunk in chunks)
    assert chunks[3].committee == "Beskæftigelsesudvalget"


def test_item_heading_chunk_names_the_meeting_a_question_dates_it_by():
    item, lines = _item(embedded=False)
    (heading,) = [
        c for c in chunks_for_document(_minutes(), [], [], [item], {MINUTES_SOURCE: lines}) if c.kind == "item"
    ]
    assert heading.text == "Punkt 4: Status på beskæftigelsesplanen"
    assert heading.heading == "Referat — Beskæftigelsesudvalget — 11. juni 2019 — Testrup Kommune"


def test_attendance_lines_are_a_chunk_headed_by_the_item_they_sit_in():
    item, lines = _item(embedded=False)
    lines.insert(7, SourceLine(None, 8, "Jens Hansen (V) og Pia Holm (A) var fraværende."))
    lines[8] = SourceLine(None, 9, "Taget til efterretning.")
    opening = [SourceLine(None, -1, "Fraværende: Ole Bach"), SourceLine(None, 0, "Stedfortræder: Eva Lund (C)")]
    item.citations = [Citation(MINUTES_SOURCE, None, 1, 9)]
    chunks = chunks_for_document(_minutes(), [], [], [item], {MINUTES_SOURCE: opening + lines})
    attendance = [
        (c.text, c.heading, c.citations[0].line_start, c.citations[0].line_end)
        for c in chunks
        if c.kind == "attendance"
    ]
    assert attendance == [
        (
            "Fraværende: Ole Bach\nStedfortræder: Eva Lund (C)",
            "Fremmøde og fravær — Beskæftigelsesudvalget — 11. juni 2019 — Testrup Kommune",
            -1,
            0,
        ),
        (
            "Jens Hansen (V) og Pia Holm (A) var fraværende.",
            "Fremmøde og fravær — Punkt 4 — Status på beskæftigelsesplanen — Beskæftigelsesudvalget — 11. juni 2019 — "
            "Testrup Kommune",
            8,
            8,
        ),
    ]


def test_a_plan_has_no_attendance_chunks():
    lines = [SourceLine(None, 1, "Fraværende: Ole Bach")]
    assert chunks_for_document(_plan(), [], [], [], {SOURCE: lines}) == []


def test_embedded_item_keeps_its_own_decision_date():
    item, lines = _item(embedded=True)
    chunks = chunks_for_document(_minutes(), [], [], [item], {MINUTES_SOURCE: lines})
    assert {chunk.date for chunk in chunks} == {"2019-02-05"}
    assert chunks[1].id == "kommune-udvalg-2019-06-11:embedded-item-4:resume"


def test_decision_heading_names_item_body_and_date():
    item, lines = _item(embedded=False)
    decision = [
        c for c in chunks_for_document(_minutes(), [], [], [item], {MINUTES_SOURCE: lines}) if c.kind == "decision"
    ]
    assert decision[0].heading == (
        "Punkt 4 — Status på beskæftigelsesplanen — Beslutning Beskæftigelsesudvalget — 11. juni 2019"
    )


def test_attachment_list_is_one_chunk_cited_from_first_to_last_attachment():
    item, lines = _item(embedded=False)
    lines += [
        SourceLine(None, 9, "Bilag"),
        SourceLine(None, 10, "1. Notat om status"),
        SourceLine(None, 11, "2. Tabel"),
    ]
    item.attachments = ["Notat om status", "Tabel"]
    item.citations = [Citation(MINUTES_SOURCE, None, 1, 11)]
    (chunk,) = [
        c for c in chunks_for_document(_minutes(), [], [], [item], {MINUTES_SOURCE: lines}) if c.kind == "attachments"
    ]
    assert chunk.text == "Notat om status\nTabel"
    assert chunk.heading == "Punkt 4 — Status på beskæftigelsesplanen — Bilag"
    assert (chunk.citations[0].line_start, chunk.citations[0].line_end) == (10, 11)


def test_each_status_row_is_a_chunk_led_by_its_goal():
    row = Citation(MINUTES_SOURCE, None, 30, 30)
    goal = Goal(
        id="kommune-udvalg-2019-06-11:goal-2019-6",
        document_id="kommune-udvalg-2019-06-11",
        plan_year=2019,
        number="6",
        wording="40 pct. af flygtninge skal være i beskæftigelse",
        origin="local",
        target=None,
        target_group=None,
        period=None,
        status=[StatusObservation("40% Mar 2019 41,3% 186", "2019-03", 41.3, "pct", 186, "d", [row])],
        citations=[Citation(MINUTES_SOURCE, None, 20, 20)],
    )
    status = [c for c in chunks_for_document(_minutes(), [], [goal], []) if c.kind == "status"]
    assert [(c.id, c.text, c.goal_id, c.citations) for c in status] == [
        (
            f"{goal.id}:status-0",
            "Status 2019-03 for mål 6: 40 pct. af flygtninge skal være i beskæftigelse\n40% Mar 2019 41,3% 186",
            goal.id,
            [row],
        )
    ]


def test_a_piece_whose_end_is_reordered_is_cited_from_its_start_for_its_length() -> None:
    """Table cells come out of the normaliser in another order than the source prints them: the citation
    still starts at the piece and spans about its length, never the whole record."""
    from index.search.chunks import narrow_citations
    from maalspor.model import Citation, SourceLine

    lines = [SourceLine(None, n, f"fyldlinje nummer {n} med tekst") for n in range(1, 101)]
    lines[49] = SourceLine(None, 50, "Følgemål c: Andelen af borgere, der efter endt IGU-")
    lines[50] = SourceLine(None, 51, "forløb overgår til selvforsørgelse følges")
    piece = "Andelen af borgere, der efter endt IGU-forløb overgår til selvforsørgelse følges - Maj 2019 75% (celle)"
    record = Citation("002.txt", None, 1, 100)
    [narrowed] = narrow_citations(piece, [record], {"002.txt": lines})
    assert narrowed.line_start == 50
    assert narrowed.line_end <= 54


def test_running_text_no_record_holds_is_chunked_at_its_own_lines():
    section, lines = _long_section()  # the section cites lines 10-70
    lines += [SourceLine(None, 71, "")]
    lines += [SourceLine(None, 72 + n, f"Kommunen har omkring {n}.000 virksomheder og mange ar-") for n in range(2)]
    lines += [SourceLine(None, 74, "bejdspladser i alt.")]
    text = [
        c for c in chunks_for_document(_plan(), [section], [], [], {SOURCE: lines}) if not c.id.startswith(section.id)
    ]
    assert [(c.kind, c.citations[0].line_start, c.citations[0].line_end) for c in text] == [
        ("section", 1, 9),
        ("section", 72, 74),
    ]
    assert text[1].text == (
        "Kommunen har omkring 0.000 virksomheder og mange ar- Kommunen har omkring 1.000 virksomheder "
        "og mange arbejdspladser i alt."
    )
    assert text[1].heading == "Beskæftigelsesplan 2022 — Tekst"
