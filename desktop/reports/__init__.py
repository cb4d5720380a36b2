"""Report data assembly and fpdf2 rendering (no Qt)."""
