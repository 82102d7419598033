"""Entry point: `python main.py` starts the application, `python main.py COMMAND ...` the command line."""
from annotator.launcher import main

if __name__ == "__main__":
    main()
