"""The floor right now: waiting calls, agents, today's service level, and the wallboard."""
