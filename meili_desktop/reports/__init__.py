"""Excel import and export (openpyxl) and print layouts."""
