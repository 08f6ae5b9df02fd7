"""Reads for the situational picture. Every read starts from the user's scope (`area`)."""
