"""Django's PostgreSQL backend, pointed at the embedded server, which it starts on first use."""

from typing import Any

from django.db.backends.postgresql import base

from committee.database import server


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self) -> dict[str, Any]:
        pgdata = self.settings_dict["PGDATA"]
        running = server.ensure_running(pgdata, database=self.settings_dict["NAME"])
        self.settings_dict["HOST"] = str(running.socket_dir)
        self.settings_dict["PORT"] = str(running.port)
        params = super().get_connection_params()
        params["host"] = str(running.socket_dir)
        params["port"] = running.port
        return params
