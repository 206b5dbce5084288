"""maalspor: the shared domain model and settings. Nothing else lives here."""
