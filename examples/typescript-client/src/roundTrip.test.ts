import assert from 'node:assert/strict';
import { randomInt, randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { contactCardApi, errorOf } from './contactCardApis';

// The round trip every regenerated client runs against a sandbox (CONTACT_CARD_BASE_URL,
// CONTACT_CARD_KEY, CONTACT_CARD_READ_ONLY_KEY), one step a test, in order.
function setting(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`Set ${name} (the sandbox's base URL and keys)`);
  }
  return value;
}

const api = contactCardApi(setting('CONTACT_CARD_BASE_URL'), setting('CONTACT_CARD_KEY'));
const readOnly = contactCardApi(setting('CONTACT_CARD_BASE_URL'), setting('CONTACT_CARD_READ_ONLY_KEY'));
/** A fictional number (555-01XX), new for each run. */
const number = `+1${randomInt(200, 1000)}55501${randomInt(10, 100)}`;
const image = 'https://cdn.example/typescript.png';

async function refusal(call: () => Promise<unknown>) {
  try {
    await call();
  } catch (refused) {
    return errorOf(refused);
  }
  assert.fail('the call was not refused');
}

test('create a card', async () => {
  const card = await api.createContactCard({
    createContactCardRequest: { firstName: 'Ada', phoneNumber: number, lastName: 'Lovelace', imageUrl: image },
    idempotencyKey: randomUUID(),
  });
  assert.equal(card.isActive, true);
  assert.equal(card.lastName, 'Lovelace');
});

test('get it', async () => {
  const { contactCards } = await api.getContactCards({ phoneNumber: number });
  assert.equal(contactCards.length, 1);
  assert.equal(contactCards[0].firstName, 'Ada');
  assert.equal(contactCards[0].imageUrl, image);
});

test('an update changes one field and keeps the others', async () => {
  // A field left undefined is not sent, so it keeps its value.
  const card = await api.updateContactCard({ phoneNumber: number, updateContactCardRequest: { firstName: 'Augusta' } });
  assert.equal(card.firstName, 'Augusta');
  assert.equal(card.lastName, 'Lovelace');
  assert.equal(card.imageUrl, image);
});

test('an update clears image_url with an explicit null', async () => {
  // null is sent as null: the generated model types nullable fields `string | null`.
  const card = await api.updateContactCard({ phoneNumber: number, updateContactCardRequest: { imageUrl: null } });
  assert.equal(card.imageUrl, undefined);
  assert.equal(card.lastName, 'Lovelace');
});

test('a create of an existing number is 409 with code 2014', async () => {
  const { status, envelope } = await refusal(() =>
    api.createContactCard({ createContactCardRequest: { firstName: 'Ada', phoneNumber: number } }),
  );
  assert.equal(status, 409);
  assert.equal(envelope.error.code, 2014);
});

test('a create with an invalid number is 400 with code 1002', async () => {
  const { status, envelope } = await refusal(() =>
    api.createContactCard({ createContactCardRequest: { firstName: 'Ada', phoneNumber: '5551234567' } }),
  );
  assert.equal(status, 400);
  assert.equal(envelope.error.code, 1002);
});

test('a read-only key is refused with 403 and code 2005', async () => {
  const { status, envelope } = await refusal(() =>
    readOnly.updateContactCard({ phoneNumber: number, updateContactCardRequest: { firstName: 'Eve' } }),
  );
  assert.equal(status, 403);
  assert.equal(envelope.error.code, 2005);
});
