"""What every extractor shares: the word classes (`vocabulary`), the parse helpers
(`syntax`), the story-level facts (`story`) and the tunable numbers (`settings`)."""
