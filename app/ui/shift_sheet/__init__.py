"""The current-shift info sheet view (当班班次信息通知表)."""
