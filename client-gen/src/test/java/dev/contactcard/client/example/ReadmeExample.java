package dev.contactcard.client.example;

// README:begin
import dev.contactcard.client.ContactCardClient;
import dev.contactcard.client.model.ContactCard;
import dev.contactcard.client.model.CreateContactCardRequest;
import dev.contactcard.client.model.UpdateContactCardRequest;

public class ReadmeExample {
    public static ContactCard run(String baseUrl, String apiKey) {
        // Build one client and reuse it; closing it releases its connections.
        try (ContactCardClient client = ContactCardClient.builder() // or ContactCardClient.fromEnv()
                .baseUrl(baseUrl) // default https://api.linqapp.com/api/partner
                .apiKey(apiKey) // default: LINQ_API_V3_API_KEY via fromEnv()
                .build()) {
            ContactCard card = client.create(new CreateContactCardRequest()
                    .phoneNumber("+15551234567")
                    .firstName("John")
                    .lastName("Doe"));
            System.out.println("applied to the device: " + card.getIsActive());
            client.get("+15551234567").ifPresent(found -> System.out.println(found.getFirstName()));
            return client.update(
                    "+15551234567",
                    new UpdateContactCardRequest().lastName("Smith").imageUrl(null)); // null clears the image
        }
    }
}
// README:end
