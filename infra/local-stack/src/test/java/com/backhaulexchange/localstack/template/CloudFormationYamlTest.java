package com.backhaulexchange.localstack.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class CloudFormationYamlTest {

    @Test
    void shortFormTagsBecomeLongFormIntrinsics() {
        JsonNode node = CloudFormationYaml.parse("""
                a: !Ref Table
                b: !GetAtt Queue.Arn
                c: !GetAtt Db.Endpoint.Address
                d: !Sub "${AWS::Region}-x"
                e: !Sub
                  - "${Name}-y"
                  - Name: !Ref Other
                f: !Join [",", [!Ref A, b]]
                g: !Ref Fn.Alias
                """);

        assertThat(node.get("a").toString()).isEqualTo("{\"Ref\":\"Table\"}");
        assertThat(node.get("b").toString()).isEqualTo("{\"Fn::GetAtt\":[\"Queue\",\"Arn\"]}");
        assertThat(node.get("c").toString()).isEqualTo("{\"Fn::GetAtt\":[\"Db\",\"Endpoint.Address\"]}");
        assertThat(node.get("d").toString()).isEqualTo("{\"Fn::Sub\":\"${AWS::Region}-x\"}");
        assertThat(node.get("e").toString()).isEqualTo("{\"Fn::Sub\":[\"${Name}-y\",{\"Name\":{\"Ref\":\"Other\"}}]}");
        assertThat(node.get("f").toString()).isEqualTo("{\"Fn::Join\":[\",\",[{\"Ref\":\"A\"},\"b\"]]}");
        assertThat(node.get("g").toString()).isEqualTo("{\"Ref\":\"Fn.Alias\"}");
    }

    @Test
    void longFormIsReadAsWritten() {
        JsonNode node = CloudFormationYaml.parse("""
                a:
                  Fn::GetAtt: [Queue, Arn]
                b: {"Ref": "X"}
                """);

        assertThat(node.get("a").toString()).isEqualTo("{\"Fn::GetAtt\":[\"Queue\",\"Arn\"]}");
        assertThat(node.get("b").toString()).isEqualTo("{\"Ref\":\"X\"}");
    }

    @Test
    void scalarsKeepTheirYamlTypesAndCoreTagsAreNotIntrinsics() {
        JsonNode node = CloudFormationYaml.parse("""
                int: 3600
                decimal: 1.2
                flag: true
                text: "true"
                forced: !!str 5
                nothing: null
                """);

        assertThat(node.get("int").isInt()).isTrue();
        assertThat(node.get("decimal").asText()).isEqualTo("1.2");
        assertThat(node.get("flag").isBoolean()).isTrue();
        assertThat(node.get("text").isTextual()).isTrue();
        assertThat(node.get("forced").textValue()).isEqualTo("5");
        assertThat(node.get("nothing").isNull()).isTrue();
    }

    @Test
    void unknownTagsAreRejected() {
        assertThatThrownBy(() -> CloudFormationYaml.parse("a: !Whatever x\n"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("!Whatever");
    }

    @Test
    void malformedGetAttIsRejected() {
        assertThatThrownBy(() -> CloudFormationYaml.parse("a: !GetAtt NoDot\n"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("NoDot");
    }
}
