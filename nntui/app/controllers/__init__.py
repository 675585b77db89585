"""Plain classes that carry out the playground's actions on its document.

Each is built with the playground screen (to show dialogs and messages) and
the document (to change); none is a Textual node.
"""
