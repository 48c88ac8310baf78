import ConciergeDomain
import Testing

@Suite("Shop order webhook with Chinese text")
struct IntakeShopOrderTests {
    private let mapping = InboundWebhookMapping(
        subject: "订单 {{$.订单号}} 售后：{{$.类型}}",
        description: "收货人：{{$.收货人.姓名}}\n商品：{{$.商品[*].名称 | join: \"、\"}}\n备注：{{$.备注 | default: \"无\"}}",
        requester: InboundRequesterMapping(email: "$.收货人.邮箱", phone: "$.收货人.电话", name: "$.收货人.姓名"),
        type: InboundValueTable(path: "$.类型", values: ["退货": "problem", "咨询": "question"], defaultValue: "task"),
        tags: InboundTagsMapping(fixed: ["商城"], paths: ["$.类型"]),
        customFields: ["order_no": "$.订单号", "amount": "$.金额", "items": "{{$.商品[*].名称 | join: \"、\"}}"],
        externalID: "$.订单号")

    private func payload(email: String = "Wang.XM@Example.cn", kind: String = "退货") throws -> JSONValue {
        try inboundPayload(
            """
            {
              "订单号": "SO20250615001",
              "类型": "\(kind)",
              "金额": 299.0,
              "收货人": {"姓名": "王小明", "电话": "13800138000", "邮箱": "\(email)"},
              "商品": [{"名称": "无线耳机", "数量": 1}, {"名称": "充电线", "数量": 2}],
              "备注": null
            }
            """)
    }

    @Test("a return request becomes a problem ticket from the consignee")
    func returnRequest() throws {
        // given
        try mapping.validate()
        // when
        let draft = try #require(draftOf(mapping.map(try payload())))
        // then
        #expect(draft.subject == "订单 SO20250615001 售后：退货")
        #expect(draft.description == "收货人：王小明\n商品：无线耳机、充电线\n备注：无")
        #expect(draft.requesterEmail == "wang.xm@example.cn")
        #expect(draft.requesterPhone == "13800138000")
        #expect(draft.requesterName == "王小明")
        #expect(draft.type == .problem)
        #expect(draft.tags == ["商城", "退货"])
        #expect(draft.externalID == "SO20250615001")
    }

    @Test("the amount stays a number and whole numbers lose their .0")
    func customFields() throws {
        let draft = try #require(draftOf(mapping.map(try payload())))
        #expect(draft.customFields["amount"] == .number(299))
        #expect(draft.customFields["order_no"] == .string("SO20250615001"))
        #expect(draft.customFields["items"] == .string("无线耳机、充电线"))
    }

    @Test("an unlisted order type falls back to task")
    func unlistedType() throws {
        #expect(draftOf(mapping.map(try payload(kind: "换货")))?.type == .task)
    }

    @Test("an invalid email without a fallback is refused naming the payload path")
    func invalidEmail() throws {
        let error = invalidErrorOf(mapping.map(try payload(email: "王小明@")))
        #expect(error?.field == "payload.$.收货人.邮箱")
        #expect(error?.code == "invalid_email")
    }
}
