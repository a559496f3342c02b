"""Messages for checking and opening an office database on a server or in another file."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

MESSAGES: dict[str, str] = {
    "database.invalid_url": QT_TRANSLATE_NOOP(
        "Errors", "The database address is not a valid URL. Write it as "
        "postgresql://USER:PASSWORD@HOST:5432/DATABASE."),
    "database.unsupported": QT_TRANSLATE_NOOP(
        "Errors", "The database address {url} is for {dialect}, which this program does not "
        "support. Use a PostgreSQL server (postgresql://...) or the data folder's own "
        "database."),
    "database.unknown_host": QT_TRANSLATE_NOOP(
        "Errors", "The computer name {host} in the database address {url} is not known on this "
        "network. Check the spelling, or use the server's IP address."),
    "database.no_server": QT_TRANSLATE_NOOP(
        "Errors", "No database server answers at {host}, port {port} ({reason}). Check that "
        "the PostgreSQL server is running and that the host and port in {url} are right."),
    "database.timeout": QT_TRANSLATE_NOOP(
        "Errors", "The database server at {host}, port {port} did not answer within {seconds} "
        "seconds. Check the network connection to the server and that a firewall lets the "
        "port through, then try again."),
    "database.login_failed": QT_TRANSLATE_NOOP(
        "Errors", "The database server {host} rejected the user name \"{user}\" or its "
        "password. Check both with the server's administrator and enter them again."),
    "database.not_found": QT_TRANSLATE_NOOP(
        "Errors", "The database server {host} has no database named \"{database}\". Check the "
        "name, or ask the server's administrator to create an empty database with that name."),
    "database.connect_failed": QT_TRANSLATE_NOOP(
        "Errors", "The database server {host} refused the connection: {reason}. Check the "
        "address {url} with the server's administrator."),
}
