import ConciergeDomain
import Foundation
import Testing

@testable import ConciergeHTTP

/// The hand-written ticket JSON is byte for byte what the API's JSONEncoder gives.
@Suite struct JSONWriterTests {
    static func ticket(_ variant: Int) -> Ticket {
        let created = Date(timeIntervalSince1970: 1_795_000_000.75)
        var ticket = Ticket(
            id: TicketID(), tenantID: TenantID(), number: 1001 + Int64(variant),
            subject: variant == 0 ? "打印机 \"卡纸\" <b>\\ 第二盒\n\t\u{1}" : "Printer / jams",
            description: "客户说：“退货” — refund", status: .open, priority: .high, type: .incident, channel: .email,
            requesterID: CustomerID(), createdAt: created, updatedAt: created.addingTimeInterval(3600.4))
        if variant == 0 {
            ticket.organizationID = OrganizationID()
            ticket.assigneeID = UserID()
            ticket.groupID = GroupID()
            ticket.followerIDs = [UserID(), UserID()]
            ticket.tags = ["vip", "退货"]
            ticket.customFields = [
                "serial_number": .string("SN-000123"), "count": .number(3), "ratio": .number(0.25),
                "flags": .array([.bool(true), .null, .string("a/b")]),
                "nested": .object(["z": .number(-1), "a": .string("é")]),
            ]
            ticket.dueAt = created.addingTimeInterval(86_400)
            ticket.firstResponseAt = created.addingTimeInterval(60)
            ticket.slaBreachAt = created.addingTimeInterval(7200)
            ticket.formKey = "repair"
            ticket.version = 7
        }
        return ticket
    }

    @Test(arguments: [0, 1])
    func aTicketListIsWrittenAsTheEncoderWouldWriteIt(variant: Int) throws {
        let requester = Customer(
            id: CustomerID(), tenantID: TenantID(), name: "王 \"小\" 明", emails: ["wang@example.cn"],
            phones: variant == 0 ? ["+86 138 0000 0000"] : [], createdAt: .now, updatedAt: .now)
        let representation = TicketRepresentation(Self.ticket(variant), requester: variant == 0 ? requester : nil)
        for page in [
            Page(key: "tickets", items: [representation, representation], nextCursor: variant == 0 ? "abc" : nil),
            Page(key: "children", items: [representation], nextCursor: nil),
        ] {
            var writer = JSONWriter()
            page.write(to: &writer)
            let expected = try APIJSONEncoder.encoder.encode(page)
            #expect(String(decoding: writer.bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        }
        var single = JSONWriter()
        Wrapped(key: "ticket", item: representation).write(to: &single)
        let expected = try APIJSONEncoder.encoder.encode(Wrapped(key: "ticket", item: representation))
        #expect(String(decoding: single.bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }
}
