"""Tests that drive a real browser (Chromium via Playwright) over the built site, served like GitHub Pages."""
