"""The meetings view: the pre-shift agenda, the post-shift meeting record, the warm-up library."""
