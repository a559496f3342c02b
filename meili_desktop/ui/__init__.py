"""PySide6 windows, item models, dialogs and workers."""
