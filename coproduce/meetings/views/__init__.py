"""The meetings pages, one module per group of pages (decision 0024)."""
