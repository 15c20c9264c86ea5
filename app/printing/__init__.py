"""Printable documents built as Qt text documents and sent to PDF or a printer. Knows domain only."""
