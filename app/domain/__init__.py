"""Pure-Python core: entities, rules and calculations. No Qt, no SQLAlchemy."""
