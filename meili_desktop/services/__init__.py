"""One function per user action, shared by the CLI and the GUI."""
