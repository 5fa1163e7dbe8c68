"""Reading input: text checks, HTML main-text extraction, publication dates."""
