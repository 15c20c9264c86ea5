"""The floor seat assignment map view (现场坐席安排表)."""
