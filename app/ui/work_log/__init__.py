"""The on-site work log view (现场工作日志)."""
