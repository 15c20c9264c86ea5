"""The service-level view: chart, table, week heat map and definitions side by side."""
