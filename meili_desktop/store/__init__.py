"""Storage: SQLAlchemy 2 models and queries, engine setup, migrations and backups."""
