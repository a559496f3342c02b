"""The county and city office window and its pages."""
