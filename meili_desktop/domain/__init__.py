"""Plain-Python domain model: no Qt, no SQLAlchemy, no imports from other project layers."""
