package com.example.directory

import com.example.directory.contactcard.infrastructure.ClientException
import com.example.directory.contactcard.models.CreateContactCardRequest
import java.util.UUID
import kotlin.random.Random
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.MethodOrderer
import org.junit.jupiter.api.Order
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestMethodOrder
import org.junit.jupiter.api.assertThrows

/**
 * The round trip every regenerated client runs against a sandbox (`CONTACT_CARD_BASE_URL`,
 * `CONTACT_CARD_KEY`, `CONTACT_CARD_READ_ONLY_KEY`), one step a test, named by the step.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation::class)
class ContactCardRoundTrip {

    companion object {
        private fun setting(name: String): String =
            System.getenv(name) ?: error("Set $name (the sandbox's base URL and keys)")

        private val api = ContactCardClient(setting("CONTACT_CARD_BASE_URL"), setting("CONTACT_CARD_KEY"))
        private val readOnly = ContactCardClient(setting("CONTACT_CARD_BASE_URL"), setting("CONTACT_CARD_READ_ONLY_KEY"))

        /** A fictional number (555-01XX), new for each run. */
        private val number = "+1" + Random.nextInt(200, 1000) + "55501" + Random.nextInt(10, 100)
        private const val IMAGE = "https://cdn.example/kotlin.png"
    }

    @Test
    @Order(1)
    fun `create a card`() {
        val card = api.createContactCard(
            CreateContactCardRequest(firstName = "Ada", phoneNumber = number, lastName = "Lovelace", imageUrl = IMAGE),
            UUID.randomUUID().toString(),
        )
        assertEquals(true, card.isActive)
        assertEquals("Lovelace", card.lastName)
    }

    @Test
    @Order(2)
    fun `get it`() {
        val card = api.getContactCards(number).contactCards.single()
        assertEquals("Ada", card.firstName)
        assertEquals(IMAGE, card.imageUrl)
    }

    @Test
    @Order(3)
    fun `an update changes one field and keeps the others`() {
        val card = api.update(number, mapOf("first_name" to "Augusta"))
        assertEquals("Augusta", card.firstName)
        assertEquals("Lovelace", card.lastName)
        assertEquals(IMAGE, card.imageUrl)
    }

    @Test
    @Order(4)
    fun `an update clears image_url with an explicit null`() {
        val card = api.update(number, mapOf("image_url" to null))
        assertNull(card.imageUrl)
        assertEquals("Lovelace", card.lastName)
        assertNull(api.getContactCards(number).contactCards.single().imageUrl)
    }

    @Test
    @Order(5)
    fun `a create of an existing number is 409 with code 2014`() {
        val refused = assertThrows<ClientException> {
            api.createContactCard(CreateContactCardRequest(firstName = "Ada", phoneNumber = number))
        }
        assertEquals(409, refused.statusCode)
        assertEquals(2014, ContactCardClient.errorOf(refused).error.code)
    }

    @Test
    @Order(6)
    fun `a create with an invalid number is 400 with code 1002`() {
        val refused = assertThrows<ClientException> {
            api.createContactCard(CreateContactCardRequest(firstName = "Ada", phoneNumber = "5551234567"))
        }
        assertEquals(400, refused.statusCode)
        assertEquals(1002, ContactCardClient.errorOf(refused).error.code)
    }

    @Test
    @Order(7)
    fun `a read-only key is refused with 403 and code 2005`() {
        val refused = assertThrows<ClientException> { readOnly.update(number, mapOf("first_name" to "Eve")) }
        assertEquals(403, refused.statusCode)
        assertEquals(2005, ContactCardClient.errorOf(refused).error.code)
        assertTrue(readOnly.getContactCards(number).contactCards.single().firstName == "Augusta")
    }
}
