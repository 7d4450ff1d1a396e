"""The pages of Digital Volunteers (public.py, company.py, mentor.py)."""
