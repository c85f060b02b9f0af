"""The public site's pages and the pages that manage it, one module per group (decision 0024)."""
