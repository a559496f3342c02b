"""The township clerk's window: task list, entry form, overview grid and checks."""
