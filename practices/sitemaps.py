"""Sitemap of public pages. (Placeholder: being written.)"""

SITEMAPS: dict = {}
