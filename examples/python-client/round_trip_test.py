"""The round trip every regenerated client runs against a sandbox (CONTACT_CARD_BASE_URL,
CONTACT_CARD_KEY, CONTACT_CARD_READ_ONLY_KEY), one step a test, in order:

    PYTHONPATH=target/generated-sources/contact-card python3 round_trip_test.py [--junit-xml FILE]
"""

import os
import random
import sys
import time
import unittest
import uuid
from xml.etree import ElementTree

from contact_card_apis import TIMEOUT, contact_card_api, error_of
from contact_card_client.exceptions import ApiException
from contact_card_client.models.create_contact_card_request import CreateContactCardRequest
from contact_card_client.models.update_contact_card_request import UpdateContactCardRequest


def setting(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise SystemExit(f"Set {name} (the sandbox's base URL and keys)")
    return value


API = contact_card_api(setting("CONTACT_CARD_BASE_URL"), setting("CONTACT_CARD_KEY"))
READ_ONLY = contact_card_api(setting("CONTACT_CARD_BASE_URL"), setting("CONTACT_CARD_READ_ONLY_KEY"))
# A fictional number (555-01XX), new for each run.
NUMBER = f"+1{random.randint(200, 999)}55501{random.randint(10, 99)}"
IMAGE = "https://cdn.example/python.png"


class RoundTrip(unittest.TestCase):
    """Named in order (unittest runs the steps alphabetically); each step's name is its docstring."""

    def test_1_create_a_card(self):
        """create a card"""
        card = API.create_contact_card(
            CreateContactCardRequest(first_name="Ada", phone_number=NUMBER, last_name="Lovelace", image_url=IMAGE),
            idempotency_key=str(uuid.uuid4()),
            _request_timeout=TIMEOUT,
        )
        self.assertTrue(card.is_active)
        self.assertEqual(card.last_name, "Lovelace")

    def test_2_get_it(self):
        """get it"""
        (card,) = API.get_contact_cards(phone_number=NUMBER, _request_timeout=TIMEOUT).contact_cards
        self.assertEqual(card.first_name, "Ada")
        self.assertEqual(card.image_url, IMAGE)

    def test_3_an_update_changes_one_field_and_keeps_the_others(self):
        """an update changes one field and keeps the others"""
        # A field not given is not sent (the model sends only the fields set), so it keeps its value.
        card = API.update_contact_card(NUMBER, UpdateContactCardRequest(first_name="Augusta"), _request_timeout=TIMEOUT)
        self.assertEqual(card.first_name, "Augusta")
        self.assertEqual(card.last_name, "Lovelace")
        self.assertEqual(card.image_url, IMAGE)

    def test_4_an_update_clears_image_url_with_an_explicit_null(self):
        """an update clears image_url with an explicit null"""
        # A nullable field set to None is sent as null: the model remembers which fields were set.
        card = API.update_contact_card(NUMBER, UpdateContactCardRequest(image_url=None), _request_timeout=TIMEOUT)
        self.assertIsNone(card.image_url)
        self.assertEqual(card.last_name, "Lovelace")

    def test_5_a_create_of_an_existing_number_is_409_with_code_2014(self):
        """a create of an existing number is 409 with code 2014"""
        with self.assertRaises(ApiException) as refused:
            API.create_contact_card(
                CreateContactCardRequest(first_name="Ada", phone_number=NUMBER), _request_timeout=TIMEOUT
            )
        self.assertEqual(refused.exception.status, 409)
        self.assertEqual(error_of(refused.exception).error.code, 2014)

    def test_6_a_create_with_an_invalid_number_is_400_with_code_1002(self):
        """a create with an invalid number is 400 with code 1002"""
        # The model checks the spec's pattern before sending; model_construct skips that check, so
        # the request reaches the provider, whose answer is what is tested here.
        invalid = CreateContactCardRequest.model_construct(first_name="Ada", phone_number="5551234567")
        with self.assertRaises(ApiException) as refused:
            API.create_contact_card(invalid, _request_timeout=TIMEOUT)
        self.assertEqual(refused.exception.status, 400)
        self.assertEqual(error_of(refused.exception).error.code, 1002)

    def test_7_a_read_only_key_is_refused_with_403_and_code_2005(self):
        """a read-only key is refused with 403 and code 2005"""
        with self.assertRaises(ApiException) as refused:
            READ_ONLY.update_contact_card(NUMBER, UpdateContactCardRequest(first_name="Eve"), _request_timeout=TIMEOUT)
        self.assertEqual(refused.exception.status, 403)
        self.assertEqual(error_of(refused.exception).error.code, 2005)


class JUnitXmlResult(unittest.TextTestResult):
    """Keeps each step's outcome and time, for a JUnit XML report (no pip here: no xmlrunner)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.cases = []

    def startTest(self, test):
        self._started = time.monotonic()
        super().startTest(test)

    def _record(self, test, kind=None, text=""):
        name = test.shortDescription()
        self.cases.append((name, time.monotonic() - self._started, kind, text))

    def addSuccess(self, test):
        super().addSuccess(test)
        self._record(test)

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._record(test, "failure", self._exc_info_to_string(err, test))

    def addError(self, test, err):
        super().addError(test, err)
        self._record(test, "error", self._exc_info_to_string(err, test))

    def write(self, path):
        suite = ElementTree.Element(
            "testsuite",
            name="python round trip",
            tests=str(len(self.cases)),
            failures=str(sum(kind == "failure" for _, _, kind, _ in self.cases)),
            errors=str(sum(kind == "error" for _, _, kind, _ in self.cases)),
        )
        for name, seconds, kind, text in self.cases:
            case = ElementTree.SubElement(suite, "testcase", name=name, classname="python round trip", time=f"{seconds:.3f}")
            if kind:
                ElementTree.SubElement(case, kind, message=text.strip().splitlines()[-1]).text = text
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        ElementTree.ElementTree(suite).write(path, encoding="utf-8", xml_declaration=True)


if __name__ == "__main__":
    report = sys.argv[sys.argv.index("--junit-xml") + 1] if "--junit-xml" in sys.argv else None
    runner = unittest.TextTestRunner(verbosity=2, resultclass=JUnitXmlResult)
    result = runner.run(unittest.defaultTestLoader.loadTestsFromTestCase(RoundTrip))
    if report:
        result.write(report)
    sys.exit(0 if result.wasSuccessful() else 1)
