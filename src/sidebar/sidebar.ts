// Sidebar client entry.
