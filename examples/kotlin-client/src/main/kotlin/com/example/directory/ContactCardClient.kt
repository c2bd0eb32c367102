package com.example.directory

import com.example.directory.contactcard.apis.ContactCardApi
import com.example.directory.contactcard.infrastructure.ClientError
import com.example.directory.contactcard.infrastructure.ClientException
import com.example.directory.contactcard.infrastructure.RequestConfig
import com.example.directory.contactcard.infrastructure.Serializer
import com.example.directory.contactcard.infrastructure.ServerError
import com.example.directory.contactcard.infrastructure.ServerException
import com.example.directory.contactcard.infrastructure.Success
import com.example.directory.contactcard.models.ContactCard
import com.example.directory.contactcard.models.ErrorResponse
import com.example.directory.contactcard.models.UpdateContactCardRequest
import com.fasterxml.jackson.databind.node.ObjectNode
import java.time.Duration
import okhttp3.OkHttpClient

/**
 * The only hand-written code a Kotlin team needs around the client OpenAPI Generator's `kotlin`
 * (`jvm-okhttp4`, Jackson) makes from the Contact Card spec: where to send requests, which key to
 * send, timeouts, and an update that can clear a field.
 */
class ContactCardClient(baseUrl: String, apiKey: String) : ContactCardApi(baseUrl, http) {

    init {
        // Per client: the generated bearer support reads the key through this provider.
        accessTokenProvider = { apiKey }
    }

    /**
     * An update that sends exactly [fields]: a value sets the field, `null` clears it (`last_name`,
     * `image_url`), a field left out keeps its value. The generated [UpdateContactCardRequest]
     * cannot say "clear": the generated serializer leaves out every `null` field
     * (`NON_ABSENT`), and the kotlin generator has no `openApiNullable`.
     */
    fun update(phoneNumber: String, fields: Map<String, String?>): ContactCard {
        val body: ObjectNode = Serializer.jacksonObjectMapper.createObjectNode()
        fields.forEach { (name, value) -> if (value == null) body.putNull(name) else body.put(name, value) }
        val generated = updateContactCardRequestConfig(phoneNumber, UpdateContactCardRequest())
        val config = RequestConfig(
            method = generated.method,
            path = generated.path,
            headers = generated.headers,
            query = generated.query,
            requiresAuthentication = generated.requiresAuthentication,
            body = body,
        )
        return when (val answer = request<ObjectNode, ContactCard>(config)) {
            is Success -> answer.data as ContactCard
            is ClientError -> throw ClientException("Client error : ${answer.statusCode}", answer.statusCode, answer)
            is ServerError -> throw ServerException("Server error : ${answer.statusCode}", answer.statusCode, answer)
            else -> throw UnsupportedOperationException("Unexpected answer: ${answer.statusCode}")
        }
    }

    companion object {
        /** The production base URL, as the spec's first server names it. */
        const val PRODUCTION = "https://api.linqapp.com/api/partner"

        private val http: OkHttpClient = OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(10))
            .callTimeout(Duration.ofSeconds(30))
            .build()

        /** The documented error envelope of a refused call: `error.code` is what to branch on. */
        fun errorOf(refused: ClientException): ErrorResponse =
            Serializer.jacksonObjectMapper.readValue(
                (refused.response as ClientError<*>).body as String,
                ErrorResponse::class.java,
            )
    }
}
