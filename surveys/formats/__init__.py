"""Requests for a consultation in another format: large print, Braille, audio, easy read."""
