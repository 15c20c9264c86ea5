"""The emergency handover playbooks: the view, a run's checklist, the editor, the contacts, the alerts."""
