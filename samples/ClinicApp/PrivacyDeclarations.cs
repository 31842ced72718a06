using PrivacyByDesign;

// Who processes the data and how to reach them (PIPL Art. 17(1), 52).
[assembly: PersonalInfoProcessor("Acme Online Clinic Ltd.", NameZh = "艾克美在线诊所有限公司",
    Contact = "privacy@clinic.example", Address = "1 Example Road, Pudong, Shanghai",
    ProtectionOfficer = "Li Wei", ProtectionOfficerContact = "dpo@clinic.example", Country = "CN")]

// What the data is for, on which basis, what is necessary and how long it is kept (PIPL Art. 6, 13, 17, 19).
[assembly: ProcessingPurpose("registration", "Create and run a patient account", LegalBasis.Contract,
    DescriptionZh = "创建并维护患者账户", BusinessFunction = "Account",
    NecessaryCategories = new[] { PiCategory.IdentityName, PiCategory.ContactPhone, PiCategory.BasicBirthDate, PiCategory.AccountPassword },
    Retention = "P3Y", OnExpiry = ExpiryAction.Delete)]
[assembly: ProcessingPurpose("identity-verification", "Verify a patient's real identity before prescribing", LegalBasis.LegalObligation,
    DescriptionZh = "开具处方前核验患者真实身份", BusinessFunction = "Verification",
    NecessaryCategories = new[] { PiCategory.IdentityName, PiCategory.IdentityNationalId, PiCategory.BiometricFace },
    Retention = "P30D", OnExpiry = ExpiryAction.Delete)]
[assembly: ProcessingPurpose("consultation", "Hold online consultations and keep medical records", LegalBasis.Contract,
    DescriptionZh = "提供在线问诊并保存病历", BusinessFunction = "Consultation",
    NecessaryCategories = new[] { PiCategory.HealthMedicalRecord, PiCategory.HealthMedicationAllergy, PiCategory.IdentityName },
    Retention = "P15Y", OnExpiry = ExpiryAction.Anonymize)]
[assembly: ProcessingPurpose("payment", "Take payment for consultations", LegalBasis.Contract,
    DescriptionZh = "收取问诊费用", BusinessFunction = "Payment",
    NecessaryCategories = new[] { PiCategory.FinanceInternalRef, PiCategory.FinanceTransaction },
    Retention = "P3Y", OnExpiry = ExpiryAction.Delete)]
[assembly: ProcessingPurpose("lab-tests", "Send samples' orders to the partner laboratory", LegalBasis.Consent,
    DescriptionZh = "向合作检验机构发送检验单", BusinessFunction = "Laboratory",
    NecessaryCategories = new[] { PiCategory.IdentityName, PiCategory.HealthMedicalRecord },
    Retention = "P1Y", OnExpiry = ExpiryAction.Delete)]

// Who receives it (PIPL Art. 21, 23, 38–39).
[assembly: Recipient("lab-partner", "Shanghai Partner Laboratory Co., Ltd.", RecipientKind.EntrustedProcessor,
    Contact = "privacy@lab.example", Purposes = new[] { "lab-tests" },
    Categories = new[] { PiCategory.IdentityName, PiCategory.HealthMedicalRecord }, Country = "CN",
    Hosts = new[] { "api.lab.example" }, ContractReference = "DPA-2026-007")]
[assembly: Recipient("payment-gateway", "Example Pay Pte. Ltd.", RecipientKind.EntrustedProcessor,
    Contact = "dpo@pay.example", Purposes = new[] { "payment" },
    Categories = new[] { PiCategory.FinanceInternalRef, PiCategory.FinanceTransaction }, Country = "SG",
    Mechanism = CrossBorderMechanism.StandardContract, RightsProcedure = "Email dpo@pay.example with your order number",
    Hosts = new[] { "api.pay.example" }, ContractReference = "SCC-2026-002")]

[assembly: ImpactAssessment("PIA-2026-01", CompletedOn = "2026-10-15")]
