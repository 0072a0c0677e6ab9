"""`flask push keys`: a new VAPID key pair, printed as the environment lines to set."""

import click

from handbook.push import bp, keys


@bp.cli.command("keys")
def keys_command():
    """Print a new VAPID key pair. Changing keys makes every device subscribe again."""
    private, public = keys.generate()
    click.echo(f"VAPID_PRIVATE_KEY={private}")
    click.echo(f"VAPID_PUBLIC_KEY={public}")
    click.echo("VAPID_SUBJECT=mailto:quantri@example.vn  # an address the push services can write to")
