"""The yardstick for start-up: a minimal Textual app (a Static and a Footer).

``bench/bench_reader.py`` starts it in a pty exactly as it starts the reader and compares first paints.
"""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Static


class MinimalApp(App[None]):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Static("minimal app ready")
        yield Footer()


if __name__ == "__main__":
    MinimalApp().run()
