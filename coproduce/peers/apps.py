from django.apps import AppConfig


class PeersConfig(AppConfig):
    name = "coproduce.peers"
    label = "peers"
    verbose_name = "Peer support"

    def ready(self):
        from . import registrations

        registrations.register()
