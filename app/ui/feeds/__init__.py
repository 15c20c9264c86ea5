"""Feed sources in the window: add a file as a source and import it."""
