"""Qt widgets: the main window shell and one package per view. Calls services only."""
