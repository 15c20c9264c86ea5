"""SQLAlchemy models, the engine and session factory, repositories that take and return domain values."""
