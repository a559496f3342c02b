"""meili_desktop: offline data entry and consolidation for the Beautiful Towns programme."""

__version__ = "0.1.0"

# The internal name used for settings, single-instance keys and file names.
APP_ID = "MeiliDesktop"
