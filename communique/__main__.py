"""`python -m communique` runs the command line."""

from .cli import main

main()
