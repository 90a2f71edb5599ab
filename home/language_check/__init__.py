"""The language & safe-messaging checker: rules as data (home.models.LanguageRule), a fast
matching engine, the editor panel and the automatic workflow step."""
