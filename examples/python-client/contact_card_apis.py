"""The only hand-written code a Python team needs around the client OpenAPI Generator's python
generator makes from the Contact Card spec: where to send requests, which key to send, a timeout,
and the error envelope of a refused call."""

from contact_card_client import ApiClient, Configuration, ContactCardApi
from contact_card_client.exceptions import ApiException
from contact_card_client.models.error_response import ErrorResponse

# The production base URL, as the spec's first server names it.
PRODUCTION = "https://api.linqapp.com/api/partner"

# Seconds to wait to connect and to read each answer (the generated client waits forever).
TIMEOUT = (5, 10)


def contact_card_api(base_url: str, api_key: str) -> ContactCardApi:
    """A Contact Card API at base_url (production, or a sandbox) calling with api_key."""
    return ContactCardApi(ApiClient(Configuration(host=base_url, access_token=api_key)))


def error_of(refused: ApiException) -> ErrorResponse:
    """The documented error envelope: error.code is what to branch on."""
    return ErrorResponse.from_json(refused.body)
