"""The pages the entry point navigates to (listed once in dashboard.pages)."""
