"""Use cases: import a feed, report intervals, build the demo. No Qt."""
